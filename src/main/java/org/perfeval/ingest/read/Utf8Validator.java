package org.perfeval.ingest.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Incremental strict UTF-8 validation (Unicode Table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF). The state survives between {@link #update} calls, so a sequence may be split
 * across buffers. Once invalid it stays invalid and further updates cost nothing.
 */
final class Utf8Validator {

    /** Reads 8 bytes at once for the ASCII fast path; byte order is irrelevant for the high-bit test. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private boolean valid = true;
    /** continuation bytes still expected for the current sequence */
    private int pending;
    /** allowed range of the next continuation byte (narrower only right after E0, ED, F0, F4) */
    private int lo = 0x80;
    private int hi = 0xBF;

    /** @return whether the bytes so far can still be valid UTF-8 */
    boolean update(byte[] buf, int off, int len) {
        if (!valid) {
            return false;
        }
        int i = off;
        int end = off + len;
        int pending = this.pending;
        int lo = this.lo;
        int hi = this.hi;
        while (i < end) {
            int b;
            if (pending == 0) {
                while (i + 8 <= end && ((long) LONGS.get(buf, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i == end) {
                    break;
                }
                b = buf[i++] & 0xFF;
                if (b < 0x80) {
                    continue;
                } else if (b < 0xC2) {          // stray continuation byte, or overlong C0/C1
                    return invalid();
                } else if (b < 0xE0) {
                    pending = 1;
                } else if (b < 0xF0) {
                    pending = 2;
                    lo = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
                    hi = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
                } else if (b < 0xF5) {
                    pending = 3;
                    lo = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                    hi = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would exceed U+10FFFF
                } else {
                    return invalid();
                }
            } else {
                b = buf[i++] & 0xFF;
                if (b < lo || b > hi) {
                    return invalid();
                }
                lo = 0x80;
                hi = 0xBF;
                pending--;
            }
        }
        this.pending = pending;
        this.lo = lo;
        this.hi = hi;
        return true;
    }

    /** @return whether all bytes given were valid UTF-8 and no sequence is left unfinished */
    boolean isValidComplete() {
        return valid && pending == 0;
    }

    private boolean invalid() {
        valid = false;
        return false;
    }
}
