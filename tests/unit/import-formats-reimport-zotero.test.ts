/** Importing each real Zotero export (Better BibTeX JSON, Better CSL-YAML) twice: the second time adds nothing. */
import { reimportSuite } from './reimport-suite';

reimportSuite(['zotero']);
