/**
 * What a leak with no value stands as. A failure that carried no error message (an abandon), or a call
 * with no value for a factor, is grouped and keyed as NO_VALUE (a cube's group, a share's value, what a
 * recommendation never targets); shown to people as an error message, NO_MESSAGE_LABEL says why it has none.
 */
export const NO_VALUE = '(none)';
export const NO_MESSAGE_LABEL = '(no message: abandoned)';
