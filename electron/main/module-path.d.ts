/** electron-vite's `?modulePath` import: the run-time path of a file it builds as an entry of its own (a worker). */
declare module '*?modulePath' {
  const path: string;
  export default path;
}
