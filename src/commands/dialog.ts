/// <reference types="office-js" />
import { closeMessage } from './notice';

/**
 * The dialog a failed ribbon command opens: the message from the query string, shown as text
 * (never as HTML), and a button that asks the command to close the dialog.
 */
const params = new URLSearchParams(window.location.search);
const english = params.get('lang') === 'en';
document.documentElement.lang = english ? 'en' : 'vi';
document.getElementById('title')!.textContent = english
  ? 'Soát: the command did not run'
  : 'Soát: lệnh không thực hiện được';
document.getElementById('message')!.textContent = params.get('m') ?? '';
const button = document.getElementById('close')!;
button.textContent = english ? 'Close' : 'Đóng';

void Office.onReady(() => {
  button.addEventListener('click', () => Office.context.ui.messageParent(closeMessage));
});
