package dev.divergence.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct labels of one column and their codes, looked up straight from the parser's character buffer: a
 * repeated label costs a hash and a comparison, and only a label seen for the first time becomes a {@code String}
 * (a column of 100,000 rows over 5 categories makes 5 strings, not 100,000). Open addressing with linear probing
 * over the codes; the hash is {@code String}'s.
 */
final class LabelDictionary {

    /** code + 1 per slot, 0 for an empty slot; a power of two in length. */
    private int[] slots = new int[16];
    private int[] hashes = new int[8];
    private final List<String> labels = new ArrayList<>();

    /**
     * @param chars a buffer holding the label
     * @param offset where it starts
     * @param length its length
     * @return its code (the number of distinct labels seen before it, for a new one)
     */
    int code(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int mask = slots.length - 1;
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(new String(chars, offset, length), hash, slot);
            }
            int code = entry - 1;
            if (hashes[code] == hash && same(labels.get(code), chars, offset, length)) {
                return code;
            }
        }
    }

    /**
     * @param label a label
     * @return its code
     */
    int code(String label) {
        return code(label.toCharArray(), 0, label.length());
    }

    private static boolean same(String label, char[] chars, int offset, int length) {
        if (label.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (label.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private int add(String label, int hash, int slot) {
        int code = labels.size();
        labels.add(label);
        if (code == hashes.length) {
            hashes = Arrays.copyOf(hashes, code * 2);
        }
        hashes[code] = hash;
        slots[slot] = code + 1;
        if (labels.size() * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int code = 0; code < labels.size(); code++) {
            int hash = hashes[code];
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = code + 1;
        }
        slots = grown;
    }

    /** @return how many distinct labels */
    int size() {
        return labels.size();
    }

    /**
     * @param code a code
     * @return its label
     */
    String label(int code) {
        return labels.get(code);
    }

    /** @return the labels by code */
    String[] labels() {
        return labels.toArray(new String[0]);
    }
}
