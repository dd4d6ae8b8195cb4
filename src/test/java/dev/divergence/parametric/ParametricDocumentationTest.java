package dev.divergence.parametric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md describes the family registry as it is: its families table names every family of
 * {@link ParametricFamilies} and no other, and the number of closed-form pairs it states is the registry's.
 */
class ParametricDocumentationTest {

    private static final Pattern TABLE_ROW =
            Pattern.compile("(?m)^\\| (`[A-Z][A-Za-z0-9]*`(?:, `[A-Z][A-Za-z0-9]*`)*) \\|");
    private static final Pattern PAIRS = Pattern.compile("Closed forms \\((\\d+) family pairs");

    @Test
    void theFamiliesTableAndThePairCountAreTheRegistrys() throws IOException {
        String api = Files.readString(Path.of("docs", "api.md"), StandardCharsets.UTF_8);
        String section = api.substring(api.indexOf("## POST /v1/divergences/parametric"));
        Set<String> documented = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(section);
        while (row.find()) {
            for (String name : row.group(1).split(", ")) {
                documented.add(name.replace("`", ""));
            }
        }
        assertThat(documented).isEqualTo(new TreeSet<>(ParametricFamilies.all().keySet()));
        Matcher pairs = PAIRS.matcher(section);
        assertThat(pairs.find()).isTrue();
        assertThat(Integer.parseInt(pairs.group(1))).isEqualTo(ParametricFamilies.closedFormPairs().size());
    }
}
