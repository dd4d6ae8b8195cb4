package dev.divergence.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How request bodies are read.
 *
 * @param fastNumberArrays read the plain numbers of number arrays straight from the input bytes (the
 *        {@code web.json} scanner on Jackson's byte parser); {@code false} leaves every token to Jackson. The
 *        scanner also stands aside by itself on a Jackson version it was not written for.
 */
@ConfigurationProperties("divergence.json")
public record JsonProperties(@DefaultValue("true") boolean fastNumberArrays) {
}
