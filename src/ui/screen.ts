/** The escape sequences the reader writes itself around Ink's frames: the alternate screen and the cursor. */
export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';
export const CURSOR_HOME = '\u001B[H';
/** Erases the screen (the cursor stays where it is). */
export const ERASE_SCREEN = '\u001B[2J';
