import type { StsAction } from './sts-action.ts';
/** `Action=AssumeRoleWithWebIdentity` (unsigned: the token is the proof). */
export declare const assumeRoleWithWebIdentityAction: StsAction;
