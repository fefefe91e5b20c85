import type { StsAction } from './sts-action.ts';
/** `Action=AssumeRole`: validate, authorise, then issue role-session credentials. */
export declare const assumeRoleAction: StsAction;
