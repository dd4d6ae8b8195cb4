package dev.divergence.web.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.Version;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * Jackson's {@link JsonFactory} that reads UTF-8 bytes (an {@link InputStream} or a {@code byte[]}) with a
 * {@link NumericArrayParser}, so that the deserializers of number arrays can scan them straight from the input
 * buffer. Everything else is Jackson's: settings, limits, symbol tables, generators, and the parsers for chars
 * and {@code DataInput}.
 *
 * <p>Encoding detection follows Jackson's bootstrapper: a UTF-8 byte-order mark is skipped; input that starts
 * with a zero byte or a UTF-16/UTF-32 byte-order mark ({@code 0xFE}, {@code 0xFF}) in its first four bytes is
 * handed, unchanged, to Jackson's own bootstrapper, which detects UTF-16/32 and parses it with its char-based
 * parser (the deserializers then take their standard path). With {@code CANONICALIZE_PROPERTY_NAMES} off, Jackson
 * itself would not use its byte parser, and neither does this factory.
 *
 * <p>{@link #rebuild()} returns Jackson's builder, which builds a plain {@link JsonFactory}: still correct, only
 * without the fast path. {@link #copy()} keeps the subclass.
 */
public final class NumericArrayJsonFactory extends JsonFactory {

    /**
     * The jackson-core versions whose {@code UTF8StreamJsonParser} internals (input buffer, pointers, line
     * counters, array context) {@link NumericArrayParser} was written against and tested with: 3.1.x.
     */
    public static final String SUPPORTED_JACKSON = "3.1.x";

    private static final long serialVersionUID = 1L;

    /** Bytes Jackson's bootstrapper looks at to detect the encoding. */
    private static final int DETECTION_BYTES = 4;

    /**
     * @param builder Jackson's builder with every customization applied
     */
    /**
     * @param version a jackson-core version
     * @return whether the scanner was written for it ({@link #SUPPORTED_JACKSON})
     */
    public static boolean supports(Version version) {
        return version.getMajorVersion() == 3 && version.getMinorVersion() == 1;
    }

    public NumericArrayJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    private NumericArrayJsonFactory(NumericArrayJsonFactory source) {
        super(source);
    }

    @Override
    public JsonFactory copy() {
        return new NumericArrayJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(ObjectReadContext readCtxt, IOContext ioCtxt, InputStream in) {
        if (!isEnabled(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)) {
            return super._createParser(readCtxt, ioCtxt, in);
        }
        byte[] buffer = ioCtxt.allocReadIOBuffer();
        int end = 0;
        try {
            while (end < DETECTION_BYTES) {
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    break;
                }
                end += read;
            }
        } catch (IOException e) {
            ioCtxt.releaseReadIOBuffer(buffer);
            throw JacksonIOException.construct(e);
        }
        int start = byteOrderMarkLength(buffer, 0, Math.min(end, DETECTION_BYTES));
        if (start < 0) {
            // not UTF-8: Jackson's bootstrapper gets the bytes read so far, then the rest of the stream
            byte[] head = Arrays.copyOf(buffer, end);
            ioCtxt.releaseReadIOBuffer(buffer);
            return super._createParser(readCtxt, ioCtxt, new SequenceInputStream(new ByteArrayInputStream(head), in));
        }
        return new NumericArrayParser(readCtxt, ioCtxt, readCtxt.getStreamReadFeatures(_streamReadFeatures),
                readCtxt.getFormatReadFeatures(_formatReadFeatures), in,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures), buffer, start, end, start, true);
    }

    @Override
    protected JsonParser _createParser(ObjectReadContext readCtxt, IOContext ioCtxt, byte[] data, int offset,
            int len) {
        _checkRangeBoundsForByteArray(data, offset, len);
        int bom = isEnabled(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                ? byteOrderMarkLength(data, offset, offset + Math.min(len, DETECTION_BYTES)) : -1;
        if (bom < 0) {
            return super._createParser(readCtxt, ioCtxt, data, offset, len);
        }
        return new NumericArrayParser(readCtxt, ioCtxt, readCtxt.getStreamReadFeatures(_streamReadFeatures),
                readCtxt.getFormatReadFeatures(_formatReadFeatures), null,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, offset + bom, offset + len, bom,
                false);
    }

    /**
     * @return the length of a UTF-8 byte-order mark at {@code from} (0 or 3), or -1 if the first bytes are not
     *         those of UTF-8 JSON (a zero byte, or a byte {@code 0xFE}/{@code 0xFF}, which never occur in UTF-8)
     *         and Jackson's encoding detection must decide
     */
    private int byteOrderMarkLength(byte[] bytes, int from, int to) {
        if (!isEnabled(TokenStreamFactory.Feature.CHARSET_DETECTION)) {
            return 0; // Jackson reads such input as UTF-8 without looking
        }
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0 || bytes[i] == (byte) 0xFE || bytes[i] == (byte) 0xFF) {
                return -1;
            }
        }
        if (to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF) {
            return 3;
        }
        return 0;
    }
}
