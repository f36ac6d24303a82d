/**
 * Importing each real fixture of HF JSON, RIS, arXiv and CSL twice into a library: the second time adds nothing.
 * The other folders are in import-formats-reimport-tagged/-zotero.test.ts (split to keep each file quick).
 */
import { reimportSuite } from './reimport-suite';

reimportSuite(['hf-papers', 'ris', 'arxiv', 'csl-json']);
