export {
  HttpRouteMatchSchema,
  HttpRouteMatchListSchema,
  HttpPathMatchSchema,
  HttpHeaderMatchSchema,
  HttpHeaderMatchListSchema,
  HttpQueryParamMatchSchema,
  HttpQueryParamMatchListSchema,
  HttpMethodSchema,
  PathMatchTypeSchema,
  ValueMatchTypeSchema,
  HTTP_METHODS,
  PATH_MATCH_TYPES,
  VALUE_MATCH_TYPES,
  MAX_HEADER_MATCHES,
  MAX_QUERY_PARAM_MATCHES,
  MAX_MATCHES_PER_RULE,
  MAX_PATH_VALUE_LENGTH,
} from './schema.ts';
export type {
  HttpRouteMatch,
  HttpRouteMatchInput,
  HttpPathMatch,
  HttpHeaderMatch,
  HttpQueryParamMatch,
  HttpMethod,
  PathMatchType,
  ValueMatchType,
} from './schema.ts';
export { createRouter } from './router.ts';
export type { RouteDefinition, RouteMatchResult, RouteDescription, Router } from './router.ts';
export { HostnameSchema, hostnameMatches, intersectHostnames, isWildcard, requestHostname } from './hostnames.ts';
