/** Request violations with RFC 6901 JSON Pointers, their kinds, and the exception that carries them to the problem details. */
package dev.divergence.validation;
