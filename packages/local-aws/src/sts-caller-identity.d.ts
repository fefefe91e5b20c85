import type { StsAction } from './sts-action.ts';
/** `Action=GetCallerIdentity`: who signed this request. Needs no permission, as in AWS. */
export declare const getCallerIdentityAction: StsAction;
