import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../core/report/finding';
import type { PaneFinding } from './actions';
import { t } from './i18n';

export interface ConfirmDialogProps {
  /** The finding being confirmed; the dialog is open while there is one. */
  readonly finding: PaneFinding | undefined;
  readonly lang: Lang;
  onConfirm(finding: PaneFinding, reason: string): void;
  onCancel(): void;
}

/** Asks the reviewer why a flagged value is right; the reason goes into the cell's note. */
export function ConfirmDialog({ finding, lang, onConfirm, onCancel }: ConfirmDialogProps) {
  const [reason, setReason] = useState('');
  const close = (): void => {
    setReason('');
    onCancel();
  };
  const submit = (): void => {
    if (finding === undefined || reason.trim() === '') return;
    onConfirm(finding, reason.trim());
    setReason('');
  };
  return (
    <Dialog open={finding !== undefined} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface data-testid="confirm-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>
              {t('dialogTitle', lang, { cell: finding ? `${finding.sheet}!${finding.cell}` : '' })}
            </DialogTitle>
            <DialogContent>
              <Text block>{finding?.message}</Text>
              <Text block size={200}>
                {t('dialogText', lang)}
              </Text>
              <Field label={t('reason', lang)} required>
                <Textarea
                  value={reason}
                  placeholder={t('reasonHint', lang)}
                  onChange={(_, data) => setReason(data.value)}
                  data-testid="confirm-reason"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={close}>
                {t('cancel', lang)}
              </Button>
              <Button appearance="primary" type="submit" disabled={reason.trim() === ''} data-testid="confirm-save">
                {t('save', lang)}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
