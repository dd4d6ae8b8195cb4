/**
 * What every endpoint shares on the HTTP side: RFC 9457 problem details (advice, error controller, Tomcat valve,
 * problem types), the request-id and request-metrics filters, security, the OpenAPI customization, and the small
 * JSON readers the request records share.
 */
package dev.divergence.web;
