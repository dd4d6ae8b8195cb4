/**
 * Reading and writing large numeric JSON fast: the number-array scanner on Jackson's byte parser, the chunked
 * array builder, tensors (nested arrays) in and out.
 */
package dev.divergence.web.json;
