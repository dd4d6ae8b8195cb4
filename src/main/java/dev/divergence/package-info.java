/** The divergence service: its Spring Boot application class; each feature and shared concern has its own package below. */
package dev.divergence;
