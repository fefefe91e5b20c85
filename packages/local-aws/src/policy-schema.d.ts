import * as v from 'valibot';
/**
 * IAM policy documents as AWS accepts them (the JSON users paste from guides),
 * normalised so the evaluator never has to ask "string or list?":
 * `Statement`, `Action`, `Resource`, principal lists and condition values are
 * always arrays on output. Documents may also be given as a JSON string, the
 * way the IAM APIs take them.
 */
/** Which policy slot a document sits in; each slot has its own IAM grammar rules. */
export type PolicyKind = 'identity' | 'resource' | 'trust';
/** Schema for one IAM policy document of the given kind (object or JSON string). */
export declare function policyDocumentSchema(kind: PolicyKind): v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
    readonly Version: v.OptionalSchema<v.PicklistSchema<["2012-10-17", "2008-10-17"], "Version must be \"2012-10-17\" or \"2008-10-17\"">, undefined>;
    readonly Id: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly Statement: v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.SchemaWithPipe<readonly [v.StrictObjectSchema<{
        Sid: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
        Effect: v.PicklistSchema<["Allow", "Deny"], "Effect must be \"Allow\" or \"Deny\"">;
        Principal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        NotPrincipal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        Action: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotAction: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Resource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotResource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Condition: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.CheckAction<string, (issue: v.CheckIssue<string>) => string>]>, v.RecordSchema<v.StringSchema<undefined>, v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.UnionSchema<[v.StringSchema<undefined>, v.BooleanSchema<undefined>, v.NumberSchema<undefined>], undefined>, "condition values must be strings, booleans or numbers">, v.TransformAction<(string | number | boolean)[], string[]>]>, undefined>, undefined>, undefined>;
    }, undefined>, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement needs exactly one of Action or NotAction">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Resource and NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Principal and NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "Principal/NotPrincipal is not allowed in an identity-based policy">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "an identity-based policy statement needs Resource or NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy statement needs Principal or NotPrincipal" | "a resource-based policy statement needs Principal or NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy cannot have Resource or NotResource (the role itself is the resource)">]>, undefined>]>;
}, undefined>]>;
export declare const IdentityPolicySchema: v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
    readonly Version: v.OptionalSchema<v.PicklistSchema<["2012-10-17", "2008-10-17"], "Version must be \"2012-10-17\" or \"2008-10-17\"">, undefined>;
    readonly Id: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly Statement: v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.SchemaWithPipe<readonly [v.StrictObjectSchema<{
        Sid: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
        Effect: v.PicklistSchema<["Allow", "Deny"], "Effect must be \"Allow\" or \"Deny\"">;
        Principal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        NotPrincipal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        Action: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotAction: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Resource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotResource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Condition: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.CheckAction<string, (issue: v.CheckIssue<string>) => string>]>, v.RecordSchema<v.StringSchema<undefined>, v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.UnionSchema<[v.StringSchema<undefined>, v.BooleanSchema<undefined>, v.NumberSchema<undefined>], undefined>, "condition values must be strings, booleans or numbers">, v.TransformAction<(string | number | boolean)[], string[]>]>, undefined>, undefined>, undefined>;
    }, undefined>, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement needs exactly one of Action or NotAction">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Resource and NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Principal and NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "Principal/NotPrincipal is not allowed in an identity-based policy">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "an identity-based policy statement needs Resource or NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy statement needs Principal or NotPrincipal" | "a resource-based policy statement needs Principal or NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy cannot have Resource or NotResource (the role itself is the resource)">]>, undefined>]>;
}, undefined>]>;
export declare const ResourcePolicySchema: v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
    readonly Version: v.OptionalSchema<v.PicklistSchema<["2012-10-17", "2008-10-17"], "Version must be \"2012-10-17\" or \"2008-10-17\"">, undefined>;
    readonly Id: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly Statement: v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.SchemaWithPipe<readonly [v.StrictObjectSchema<{
        Sid: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
        Effect: v.PicklistSchema<["Allow", "Deny"], "Effect must be \"Allow\" or \"Deny\"">;
        Principal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        NotPrincipal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        Action: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotAction: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Resource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotResource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Condition: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.CheckAction<string, (issue: v.CheckIssue<string>) => string>]>, v.RecordSchema<v.StringSchema<undefined>, v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.UnionSchema<[v.StringSchema<undefined>, v.BooleanSchema<undefined>, v.NumberSchema<undefined>], undefined>, "condition values must be strings, booleans or numbers">, v.TransformAction<(string | number | boolean)[], string[]>]>, undefined>, undefined>, undefined>;
    }, undefined>, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement needs exactly one of Action or NotAction">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Resource and NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Principal and NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "Principal/NotPrincipal is not allowed in an identity-based policy">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "an identity-based policy statement needs Resource or NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy statement needs Principal or NotPrincipal" | "a resource-based policy statement needs Principal or NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy cannot have Resource or NotResource (the role itself is the resource)">]>, undefined>]>;
}, undefined>]>;
export declare const TrustPolicySchema: v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
    readonly Version: v.OptionalSchema<v.PicklistSchema<["2012-10-17", "2008-10-17"], "Version must be \"2012-10-17\" or \"2008-10-17\"">, undefined>;
    readonly Id: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly Statement: v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.SchemaWithPipe<readonly [v.StrictObjectSchema<{
        Sid: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
        Effect: v.PicklistSchema<["Allow", "Deny"], "Effect must be \"Allow\" or \"Deny\"">;
        Principal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        NotPrincipal: v.OptionalSchema<v.UnionSchema<[v.LiteralSchema<"*", undefined>, v.StrictObjectSchema<{
            readonly AWS: v.OptionalSchema<v.SchemaWithPipe<readonly [v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, v.CheckItemsAction<string[], (issue: v.CheckItemsIssue<string[]>) => string>]>, undefined>;
            readonly Service: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly Federated: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
            readonly CanonicalUser: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        }, undefined>], undefined>, undefined>;
        Action: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotAction: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Resource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        NotResource: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.StringSchema<`${string} entries must be strings`>, undefined>, v.MinLengthAction<string[], 1, `${string} must not be empty`>]>, undefined>;
        Condition: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.CheckAction<string, (issue: v.CheckIssue<string>) => string>]>, v.RecordSchema<v.StringSchema<undefined>, v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, any[]>, v.ArraySchema<v.UnionSchema<[v.StringSchema<undefined>, v.BooleanSchema<undefined>, v.NumberSchema<undefined>], undefined>, "condition values must be strings, booleans or numbers">, v.TransformAction<(string | number | boolean)[], string[]>]>, undefined>, undefined>, undefined>;
    }, undefined>, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement needs exactly one of Action or NotAction">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Resource and NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a statement cannot have both Principal and NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "Principal/NotPrincipal is not allowed in an identity-based policy">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "an identity-based policy statement needs Resource or NotResource">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy statement needs Principal or NotPrincipal" | "a resource-based policy statement needs Principal or NotPrincipal">, v.CheckAction<{
        Sid?: string | undefined;
        Effect: "Allow" | "Deny";
        Principal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        NotPrincipal?: "*" | {
            AWS?: string[] | undefined;
            Service?: string[] | undefined;
            Federated?: string[] | undefined;
            CanonicalUser?: string[] | undefined;
        } | undefined;
        Action?: string[] | undefined;
        NotAction?: string[] | undefined;
        Resource?: string[] | undefined;
        NotResource?: string[] | undefined;
        Condition?: {
            [x: string]: {
                [x: string]: string[];
            };
        } | undefined;
    }, "a trust policy cannot have Resource or NotResource (the role itself is the resource)">]>, undefined>]>;
}, undefined>]>;
/** A validated, normalised policy document. */
export type PolicyDocument = v.InferOutput<typeof IdentityPolicySchema>;
/** One normalised statement. */
export type PolicyStatement = PolicyDocument['Statement'][number];
/** A normalised `Principal` / `NotPrincipal` value. */
export type PolicyPrincipal = NonNullable<PolicyStatement['Principal']>;
