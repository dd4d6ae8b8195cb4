package dev.divergence.drift;

import dev.divergence.config.DriftProperties;
import dev.divergence.validation.InvalidRequestException;
import dev.divergence.web.json.NumericArrayJsonFactory;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a drift request from the body as it streams in, with the drift limits: the application's JSON mapper
 * settings (every {@link JsonMapperBuilderCustomizer}) on a factory whose document limit is
 * {@code divergence.drift.max-request-bytes} (the other parser limits as configured), and the windows read
 * column by column into primitive arrays by {@link DataWindowDeserializer}. Errors reach the problem handler as
 * they would from Spring's own JSON reading.
 */
@Component
class DriftRequestReader {

    private final JsonMapper mapper;

    DriftRequestReader(JsonMapper applicationMapper, ObjectProvider<JsonMapperBuilderCustomizer> customizers,
            DriftProperties drift, DriftPool pool) {
        StreamReadConstraints c = applicationMapper.tokenStreamFactory().streamReadConstraints();
        JsonFactoryBuilder factoryBuilder = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(c.getMaxNestingDepth()).maxNumberLength(c.getMaxNumberLength())
                .maxStringLength(c.getMaxStringLength()).maxNameLength(c.getMaxNameLength())
                .maxDocumentLength(drift.maxRequestBytes()).build());
        // the application's factory decides whether the number-array scanner is in use (version, property)
        JsonFactory factory = applicationMapper.tokenStreamFactory() instanceof NumericArrayJsonFactory
                ? new NumericArrayJsonFactory(factoryBuilder) : factoryBuilder.build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        DataWindowDeserializer windows = new DataWindowDeserializer(drift, pool.pool());
        builder.addModule(new SimpleModule("drift-windows").addDeserializer(DataWindow.class, windows)
                .addDeserializer(SummariesRequest.SummaryList.class, windows.summaryList()));
        this.mapper = builder.build();
    }

    /**
     * @param request the HTTP request
     * @return the drift request
     * @throws HttpMessageNotReadableException for a body that is not a valid drift request
     * @throws InvalidRequestException for a window over a limit
     */
    DriftRequest read(HttpServletRequest request) throws IOException {
        return read(request, DriftRequest.class);
    }

    /**
     * @param request the HTTP request
     * @param type what the body holds (a drift request, or a summaries request)
     * @param <T> its type
     * @return the body
     * @throws HttpMessageNotReadableException for a body that is not valid
     * @throws InvalidRequestException for a window over a limit
     */
    <T> T read(HttpServletRequest request, Class<T> type) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return mapper.readValue(body, type);
        } catch (JacksonException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof InvalidRequestException invalid) {
                    throw invalid;
                }
            }
            throw new HttpMessageNotReadableException("the drift request could not be read", e,
                    new ServletServerHttpRequest(request));
        }
    }

    /**
     * @param body a drift request's JSON
     * @return the request
     * @throws JacksonException for a body that is not a valid drift request (possibly wrapping an
     *         {@link InvalidRequestException} for a window over a limit)
     */
    DriftRequest read(InputStream body) {
        return mapper.readValue(body, DriftRequest.class);
    }
}
