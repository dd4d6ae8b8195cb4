package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every relative link of the Markdown pages leads to a file of the repository
 * (and, with a {@code #fragment}, to a heading of that page), and no tracked text file names a path outside the
 * repository. The only exception is {@code .ci/run}, which takes CI's container tooling from beside the clone.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    /** A path that climbs out of the repository, or a reference to the workspace it was built in. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|(?<![\\w.])shared/(ci|bench|golden)|"
            + "/tmp/[\\w.-]+\\.sh");

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("bench/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkLeadsToAFileOfTheRepositoryAndAnExistingHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : markdownPages()) {
            Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // a literature reference (https, doi): not a file of the repository
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file in the repository)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(links).isGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    @Test
    void noTrackedFileNamesAPathOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String name : trackedFiles()) {
            Path file = ROOT.resolve(name);
            if (name.equals(".ci/run") || name.startsWith("src/test/resources/golden/") || !Files.isRegularFile(file)
                    || name.endsWith(".jar") || name.endsWith("DocumentationLinksTest.java")) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Matcher outside = OUTSIDE.matcher(text);
            if (outside.find()) {
                offenders.add(name + ": " + outside.group());
            }
        }
        assertThat(offenders).isEmpty();
    }

    /** @return GitHub's anchors of the page's headings: lower case, punctuation dropped, spaces to hyphens */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    /** @return the files git tracks, or every file under the root when this is not a git checkout */
    private static List<String> trackedFiles() throws IOException {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile())
                    .redirectErrorStream(false).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0 && !out.isEmpty()) {
                return List.of(out.split("\0"));
            }
        } catch (IOException e) {
            // no git on this machine: fall through to the file tree
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Set<String> skip = Set.of("target", ".git", ".idea", ".runtime");
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> ROOT.relativize(p).toString().split("/").length > 0
                            && Stream.of(ROOT.relativize(p).toString().split("/")).noneMatch(skip::contains))
                    .map(p -> ROOT.relativize(p).toString()).toList();
        }
    }
}
