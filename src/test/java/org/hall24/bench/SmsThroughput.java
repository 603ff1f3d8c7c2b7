package org.hall24.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.hall24.Hall24Application;
import org.hall24.notifications.Notifications;
import org.hall24.shared.MobileNumber;
import org.hall24.simulator.SimulatedSmsc;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the outbox empties into an SMSC (not a test; {@code bench/sms.sh} runs it, docs/benchmarks.md):
 * one Hall24 node with the simulated carrier SMSC in-process, {@code N} verification-code SMS queued at
 * once, timed until every one is DELIVERED (receipt back), with the latency from queued to submitted and
 * to delivered; and, in the same run against the same SMSC, the raw limit: one jSMPP client submitting
 * the same number of texts back to back.
 *
 * <pre>java … org.hall24.bench.SmsThroughput N TPS</pre>
 */
public final class SmsThroughput {

    private SmsThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int tps = Integer.parseInt(args[1]);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Hall24Application.class).run(
                "--server.port=0", "--hall24.mqtt.port=0", "--hall24.simulator.enabled=false",
                "--hall24.embedded-db.data-dir=target/bench/sms-pg", "--hall24.embedded-db.clean-on-start=true",
                "--hall24.admin.initial-password=bench-admin-password-1", "--hall24.simulator.smsc.port=0",
                "--hall24.simulator.smsc.receipt-delay=200ms", "--hall24.sms.smpp.tps=" + tps,
                "--hall24.notifications.batch=50", "--hall24.notifications.dispatch-delay=100ms",
                "--logging.level.org.hall24.notifications=WARN", "--logging.level.org.hall24=WARN");
        try {
            SimulatedSmsc smsc = app.getBean(SimulatedSmsc.class);
            Notifications notifications = app.getBean(Notifications.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            Thread.sleep(3_000); // the provider binds

            long rawStart = System.nanoTime();
            raw(smsc, n);
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

            long start = System.nanoTime();
            for (int i = 0; i < n; i += 100) {
                int from = i;
                tx.executeWithoutResult(s -> {
                    for (int j = from; j < Math.min(n, from + 100); j++) {
                        notifications.sendSms(MobileNumber.of(String.format("137%08d", j)), "verification-code",
                                Map.of("code", String.format("%06d", j % 1_000_000), "minutes", "5"), Locale.SIMPLIFIED_CHINESE);
                    }
                });
            }
            double queuedSeconds = (System.nanoTime() - start) / 1e9;
            while (jdbc.sql("select count(*) from notification_message where state = 'DELIVERED'").query(Integer.class).single() < n) {
                if ((System.nanoTime() - start) > Duration.ofMinutes(30).toNanos()) {
                    throw new IllegalStateException("not all delivered in 30 min");
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> latency = jdbc.sql("""
                    select percentile_cont(0.5) within group (order by extract(epoch from submitted_at - created_at)) as submit_p50,
                           percentile_cont(0.95) within group (order by extract(epoch from submitted_at - created_at)) as submit_p95,
                           percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at)) as delivered_p50,
                           percentile_cont(0.95) within group (order by extract(epoch from finished_at - created_at)) as delivered_p95,
                           max(attempts) as max_attempts
                    from notification_message where state = 'DELIVERED'""").query().singleRow();
            System.out.printf(Locale.ROOT, "%nSMS benchmark: N=%d, hall24.sms.smpp.tps=%d%n", n, tps);
            System.out.printf(Locale.ROOT, "raw jSMPP submit_sm back to back: %.1f s, %.0f/s%n", rawSeconds, n / rawSeconds);
            System.out.printf(Locale.ROOT, "queued %d in %.2f s (%.0f/s, 100 per transaction)%n", n, queuedSeconds, n / queuedSeconds);
            System.out.printf(Locale.ROOT, "all DELIVERED after %.1f s: %.1f/s%n", seconds, n / seconds);
            System.out.printf(Locale.ROOT, "queued→submitted p50 %.2f s p95 %.2f s; queued→delivered p50 %.2f s p95 %.2f s; max attempts %s%n",
                    num(latency.get("submit_p50")), num(latency.get("submit_p95")), num(latency.get("delivered_p50")),
                    num(latency.get("delivered_p95")), latency.get("max_attempts"));
            System.out.printf(Locale.ROOT, "SMSC submit_sm total: %d (raw %d + platform)%n", smsc.submits(), n);
        }
        finally {
            app.close();
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static void raw(SimulatedSmsc smsc, int n) throws Exception {
        SMPPSession session = new SMPPSession();
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, smsc.settings().systemId(),
                smsc.settings().password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        try {
            byte[] text = "【九龙坡政务】您的验证码是123456，5分钟内有效。请勿告诉他人。".getBytes(StandardCharsets.UTF_16BE);
            for (int i = 0; i < n; i++) {
                session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690024",
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, String.format("136%08d", i), new ESMClass(), (byte) 0,
                        (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, text);
            }
        }
        finally {
            session.unbindAndClose();
        }
    }
}
