/** The one open dialog, if any. */
import { usePanes } from '../state/panes';
import { HelpOverlay } from './HelpOverlay';
import { Palette } from './Palette';
import { TagBox } from './TagBox';
import { ColumnsDialog } from './ColumnsDialog';
import { SaveSearchDialog } from './SaveSearchDialog';
import { TagActionsDialog } from './TagActionsDialog';
import { AddPapersDialog } from './AddPapersDialog';
import { ExportNotesDialog } from './ExportNotesDialog';
import { RestoreDialog } from './RestoreDialog';

export function Dialogs() {
  const dialog = usePanes((s) => s.dialog);
  switch (dialog) {
    case null:
      return null;
    case 'help':
      return <HelpOverlay />;
    case 'palette':
      return <Palette />;
    case 'tags':
      return <TagBox />;
    case 'columns':
      return <ColumnsDialog />;
    case 'save-search':
      return <SaveSearchDialog />;
    case 'tag-actions':
      return <TagActionsDialog />;
    case 'add-papers':
      return <AddPapersDialog />;
    case 'export-notes':
      return <ExportNotesDialog />;
    case 'restore':
      return <RestoreDialog />;
  }
}
