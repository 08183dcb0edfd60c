package org.perfeval.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Amounts are stored as whole fen so that SQL sums them exactly on either database. */
public final class Fen {

    private Fen() {
    }

    public static long of(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    public static BigDecimal toYuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static void set(PreparedStatement ps, int index, BigDecimal yuan) throws SQLException {
        if (yuan == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, of(yuan));
        }
    }

    /** The yuan amount of a nullable fen column. */
    public static BigDecimal get(ResultSet rs, String column) throws SQLException {
        long fen = rs.getLong(column);
        return rs.wasNull() ? null : toYuan(fen);
    }
}
