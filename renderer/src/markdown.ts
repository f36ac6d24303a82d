/**
 * Notes rendered from Markdown for the preview. markdown-it runs with raw HTML off, and its output still goes through
 * DOMPurify, so neither a note nor imported text can ever run script. Links get the http/https check of the app.
 */
import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';
import { trustedExternalUrl } from '../../shared/trusted-url';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = trustedExternalUrl(node.getAttribute('href'));
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('href');
    }
  }
});

export function renderNote(markdown: string): string {
  return DOMPurify.sanitize(md.render(markdown), {
    ALLOWED_TAGS: [
      'p',
      'br',
      'strong',
      'em',
      'code',
      'pre',
      'blockquote',
      'ul',
      'ol',
      'li',
      'a',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'hr',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      's',
      'del',
    ],
    ALLOWED_ATTR: ['href', 'target', 'rel', 'start', 'align'],
  });
}
