/** US phone numbers: one number's verdict (phoneNumberCheck.ts) and pasted lists (phoneList.ts). */
export * from './phoneNumberCheck';
export * from './phoneList';
