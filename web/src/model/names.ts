/** Which of an entity's names to show for the reader's language: one rule, shared with the API's findings. */
export { localName } from '../../../schemas/language.js';
