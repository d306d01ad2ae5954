// The BI views (demo/views.sql) through the PostgreSQL JDBC driver, the
// stack Tableau, Metabase, Superset (via Java) and DBeaver use: column names,
// JDBC types and values as such a tool sees them.  Connection from the PG*
// environment (pg_virtualenv).  Prints TAP.
import java.sql.*;
import java.util.*;

public class BiViews {
    static int n = 0, failed = 0;

    static void ok(boolean cond, String name) {
        n++;
        System.out.println((cond ? "ok " : "not ok ") + n + " - " + name);
        if (!cond) failed++;
    }

    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("PGHOST", "localhost");
        if (host.startsWith("/")) host = "localhost";
        String url = "jdbc:postgresql://" + host + ":" + System.getenv().getOrDefault("PGPORT", "5432") + "/"
                + System.getenv("PGDATABASE");
        Properties p = new Properties();
        p.setProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
        p.setProperty("password", System.getenv().getOrDefault("PGPASSWORD", ""));
        try (Connection c = DriverManager.getConnection(url, p)) {
            Map<String, String[]> views = new LinkedHashMap<>();
            views.put("survey_shares", new String[] {"year:INTEGER", "neighbourhood:VARCHAR", "race:VARCHAR",
                "outcome:VARCHAR", "share:DOUBLE", "share_lower:DOUBLE", "share_upper:DOUBLE",
                "standard_error:DOUBLE", "respondents:INTEGER", "design_df:DOUBLE", "reliability:VARCHAR"});
            views.put("index_scores", new String[] {"tract:VARCHAR", "neighbourhood:VARCHAR", "year:INTEGER",
                "level:VARCHAR", "name:VARCHAR", "score:DOUBLE", "category:VARCHAR", "coverage:DOUBLE",
                "effective_weight:DOUBLE"});
            views.put("compared_with_2015", new String[] {"tract:VARCHAR", "neighbourhood:VARCHAR",
                "population_group:VARCHAR", "indicator:VARCHAR", "domain:VARCHAR", "higher_is_better:BIT",
                "value_2015:DOUBLE", "value_latest:DOUBLE", "latest_year:INTEGER", "change:DOUBLE",
                "relative_change:DOUBLE", "trend_per_year:DOUBLE", "trend_lower:DOUBLE", "trend_upper:DOUBLE",
                "periods:INTEGER", "status:VARCHAR"});
            views.put("disparity_tiles", new String[] {"neighbourhood:VARCHAR", "year:INTEGER", "outcome:VARCHAR",
                "dimension:VARCHAR", "measure:VARCHAR", "method:VARCHAR", "value:DOUBLE",
                "standard_error:DOUBLE", "lower:DOUBLE", "upper:DOUBLE", "note:VARCHAR"});
            for (Map.Entry<String, String[]> v : views.entrySet()) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM city_bi." + v.getKey())) {
                    ResultSetMetaData md = rs.getMetaData();
                    String[] want = v.getValue();
                    boolean names = md.getColumnCount() == want.length, types = names;
                    for (int i = 0; names && i < want.length; i++) {
                        String[] nt = want[i].split(":");
                        names &= md.getColumnName(i + 1).equals(nt[0]);
                        types &= JDBCType.valueOf(md.getColumnType(i + 1)).getName().equals(nt[1]);
                    }
                    int rows = 0;
                    while (rs.next()) rows++;
                    ok(names, v.getKey() + ": column names");
                    ok(types, v.getKey() + ": JDBC types INTEGER, DOUBLE, VARCHAR, BIT");
                    ok(rows > 0, v.getKey() + ": " + rows + " rows");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (e).value, (e).lower, (e).upper FROM (SELECT wellbeing.proportion_ci(?, ?) AS e) x")) {
                ps.setDouble(1, 30);
                ps.setDouble(2, 100);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double v = rs.getDouble(1), lo = rs.getDouble(2), hi = rs.getDouble(3);
                    ok(Math.abs(v - 0.3) < 1e-15 && lo > 0.2 && lo < 0.3 && hi > 0.3 && hi < 0.4,
                       "proportion_ci with bound parameters: 0.3 (" + lo + " - " + hi + ")");
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM city_bi.index_scores WHERE level = 'index' AND year = 2024")) {
                rs.next();
                ok(rs.getLong(1) == 50, "index_scores: one index score per tract in 2024");
            }
        }
        System.out.println("1.." + n);
        System.exit(failed == 0 ? 0 : 1);
    }
}
