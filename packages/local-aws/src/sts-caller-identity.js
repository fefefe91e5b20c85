/** `Action=GetCallerIdentity`: who signed this request. Needs no permission, as in AWS. */
export const getCallerIdentityAction = {
    signed: true,
    async run({ context, caller }) {
        const principal = caller.principal;
        context.logFields['caller'] = principal.arn;
        return { UserId: principal.userId, Account: principal.accountId, Arn: principal.arn };
    },
};
