/** Typed configuration properties and the Jackson, OpenAPI, resilience and Tomcat setup. */
package dev.divergence.config;
