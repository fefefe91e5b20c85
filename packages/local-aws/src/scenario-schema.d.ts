import * as v from 'valibot';
export declare const LAMBDA_FUNCTION_NAME_PATTERN: RegExp;
export declare const ScenarioSchema: v.StrictObjectSchema<{
    readonly defaultRegion: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, "us-east-1">;
    /** Where function modules live; relative paths resolve against the scenario file. */
    readonly functionsDir: v.OptionalSchema<v.StringSchema<undefined>, "./functions">;
    /** `${NAME}` placeholders substituted everywhere before validation (see scenario-variables.ts). */
    readonly variables: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "variable names must be identifiers">]>, v.StringSchema<undefined>, undefined>, {}>;
    readonly accounts: v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, v.StrictObjectSchema<{
        readonly oidcProviders: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, v.StrictObjectSchema<{
            /** Accepted `aud` values (IAM's ClientIDList); EKS service-account tokens use sts.amazonaws.com. */
            readonly clientIds: v.OptionalSchema<v.SchemaWithPipe<readonly [v.ArraySchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>]>, undefined>, v.MinLengthAction<string[], 1, "clientIds must not be empty">]>, readonly ["sts.amazonaws.com"]>;
        }, undefined>, undefined>, {}>;
        readonly users: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, v.StrictObjectSchema<{
            readonly accessKeys: v.OptionalSchema<v.ArraySchema<v.StrictObjectSchema<{
                readonly accessKeyId: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "accessKeyId must look like an IAM user key: AKIA followed by 12+ upper-case letters/digits">]>;
                readonly secretAccessKey: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, "secretAccessKey must not be empty">]>;
            }, undefined>, undefined>, readonly []>;
            readonly policies: v.OptionalSchema<v.ArraySchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
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
            }, undefined>]>, undefined>, readonly []>;
        }, undefined>, undefined>, {}>;
        readonly roles: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, v.StrictObjectSchema<{
            readonly trustPolicy: v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
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
            readonly policies: v.OptionalSchema<v.ArraySchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
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
            }, undefined>]>, undefined>, readonly []>;
            /** Seconds, 3600-43200 like IAM's MaxSessionDuration. */
            readonly maxSessionDuration: v.OptionalSchema<v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, number, undefined>, v.MaxValueAction<number, number, undefined>]>, 3600>;
        }, undefined>, undefined>, {}>;
        readonly functions: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, v.StrictObjectSchema<{
            /** Defaults to the scenario's defaultRegion. */
            readonly region: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, undefined>;
            /** `file.mjs` (export `handler`) or `file.mjs#exportName`, relative to functionsDir. */
            readonly handler: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "handler must be \"file.mjs\" or \"file.mjs#exportName\"">]>;
            readonly timeoutSeconds: v.OptionalSchema<v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, number, undefined>, v.MaxValueAction<number, number, undefined>]>, 3>;
            readonly memorySizeMB: v.OptionalSchema<v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, number, undefined>, v.MaxValueAction<number, number, undefined>]>, 128>;
            /** Unset: no reserved concurrency. 0: every invocation is throttled, as in Lambda. */
            readonly reservedConcurrency: v.OptionalSchema<v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, number, undefined>, v.MaxValueAction<number, number, undefined>]>, undefined>;
            /** Published versions; `$LATEST` always exists. */
            readonly versions: v.OptionalSchema<v.ArraySchema<v.SchemaWithPipe<readonly [v.UnionSchema<[v.StringSchema<undefined>, v.NumberSchema<undefined>], undefined>, v.TransformAction<any, string>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, undefined>, readonly []>;
            /** alias -> version (or `$LATEST`). */
            readonly aliases: v.OptionalSchema<v.RecordSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, v.UnionSchema<[v.LiteralSchema<"$LATEST", undefined>, v.SchemaWithPipe<readonly [v.UnionSchema<[v.StringSchema<undefined>, v.NumberSchema<undefined>], undefined>, v.TransformAction<any, string>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>], undefined>, undefined>, {}>;
            /** The function's resource-based policy. */
            readonly policy: v.OptionalSchema<v.SchemaWithPipe<readonly [v.UnknownSchema, v.RawTransformAction<unknown, unknown>, v.StrictObjectSchema<{
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
            }, undefined>]>, undefined>;
        }, undefined>, undefined>, {}>;
    }, undefined>, undefined>;
    readonly sts: v.OptionalSchema<v.StrictObjectSchema<{
        /**
         * Overrides the lifetime of every issued credential: AssumeRole, AssumeRoleWithWebIdentity
         * and container credentials (refresh tests use a few seconds).
         */
        readonly credentialLifetimeSeconds: v.OptionalSchema<v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, number, undefined>, v.MaxValueAction<number, number, undefined>]>, undefined>;
    }, undefined>, {}>;
    readonly containerCredentials: v.OptionalSchema<v.StrictObjectSchema<{
        readonly authorizationToken: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, "authorizationToken must not be empty">]>;
        readonly roleArn: v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, "roleArn must be an IAM role ARN">]>;
        readonly sessionName: v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, (issue: v.RegexIssue<string>) => string>]>, "eks-local-pod-identity">;
    }, undefined>, undefined>;
}, undefined>;
/** A validated scenario (defaults applied, policies normalised, functionsDir absolute). */
export type Scenario = v.InferOutput<typeof ScenarioSchema>;
/** What a scenario may look like before validation (e.g. an object literal in a test). */
export type ScenarioInput = v.InferInput<typeof ScenarioSchema>;
export type AccountConfig = Scenario['accounts'][string];
export type UserConfig = AccountConfig['users'][string];
export type RoleConfig = AccountConfig['roles'][string];
export type FunctionConfig = AccountConfig['functions'][string];
export type OidcProviderConfig = AccountConfig['oidcProviders'][string];
export type ContainerCredentialsConfig = NonNullable<Scenario['containerCredentials']>;
