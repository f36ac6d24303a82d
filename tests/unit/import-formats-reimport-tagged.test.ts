/** Importing each real MEDLINE, PubMed, Web of Science and EndNote fixture twice: the second time adds nothing. */
import { reimportSuite } from './reimport-suite';

reimportSuite(['medline', 'wos', 'endnote']);
