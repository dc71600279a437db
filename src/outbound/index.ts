export { createOutbound, type Outbound, type OutboundSettings } from './outbound.ts';
export { AddressGuard, allTargets, classify, parsePrivateAllowance, publicTargetsOnly, type OutboundPolicy } from './address-policy.ts';
export { parseDnsServers } from './name-resolver.ts';
export type { OutboundFailure, OutboundFailureKind } from './outbound-failure.ts';
export type { HttpMethod, HttpRequestOptions, HttpResponse, HttpResult } from './http-request.ts';
export type { TcpConnected, TlsCertificate, TlsHandshake, TlsOptions } from './socket-checks.ts';
export { dnsRecordTypes, type DnsAnswer, type DnsQueryOptions, type DnsRecordType } from './dns-query.ts';
