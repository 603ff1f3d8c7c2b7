package org.hall24.notifications.internal.smpp;

import java.util.Map;
import java.util.Set;

import org.jsmpp.SMPPConstant;

/**
 * SMPP 3.4 command statuses as admins read them ({@code ESME_RTHROTTLED}), and which refusals are
 * for good: a destination, source or format the SMSC will never take. Everything else, including
 * a status this table does not know, is worth retrying (the dispatcher's retries are bounded).
 */
final class CommandStatus {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(SMPPConstant.STAT_ESME_ROK, "ESME_ROK"),
            Map.entry(SMPPConstant.STAT_ESME_RINVMSGLEN, "ESME_RINVMSGLEN"),
            Map.entry(SMPPConstant.STAT_ESME_RINVCMDLEN, "ESME_RINVCMDLEN"),
            Map.entry(SMPPConstant.STAT_ESME_RINVCMDID, "ESME_RINVCMDID"),
            Map.entry(SMPPConstant.STAT_ESME_RINVBNDSTS, "ESME_RINVBNDSTS"),
            Map.entry(SMPPConstant.STAT_ESME_RALYBND, "ESME_RALYBND"),
            Map.entry(SMPPConstant.STAT_ESME_RINVPRTFLG, "ESME_RINVPRTFLG"),
            Map.entry(SMPPConstant.STAT_ESME_RINVREGDLVFLG, "ESME_RINVREGDLVFLG"),
            Map.entry(SMPPConstant.STAT_ESME_RSYSERR, "ESME_RSYSERR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSRCADR, "ESME_RINVSRCADR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTADR, "ESME_RINVDSTADR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVMSGID, "ESME_RINVMSGID"),
            Map.entry(SMPPConstant.STAT_ESME_RBINDFAIL, "ESME_RBINDFAIL"),
            Map.entry(SMPPConstant.STAT_ESME_RINVPASWD, "ESME_RINVPASWD"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSYSID, "ESME_RINVSYSID"),
            Map.entry(SMPPConstant.STAT_ESME_RMSGQFUL, "ESME_RMSGQFUL"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSERTYP, "ESME_RINVSERTYP"),
            Map.entry(SMPPConstant.STAT_ESME_RINVESMCLASS, "ESME_RINVESMCLASS"),
            Map.entry(SMPPConstant.STAT_ESME_RSUBMITFAIL, "ESME_RSUBMITFAIL"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSRCTON, "ESME_RINVSRCTON"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSRCNPI, "ESME_RINVSRCNPI"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTTON, "ESME_RINVDSTTON"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDSTNPI, "ESME_RINVDSTNPI"),
            Map.entry(SMPPConstant.STAT_ESME_RTHROTTLED, "ESME_RTHROTTLED"),
            Map.entry(SMPPConstant.STAT_ESME_RINVSCHED, "ESME_RINVSCHED"),
            Map.entry(SMPPConstant.STAT_ESME_RINVEXPIRY, "ESME_RINVEXPIRY"),
            Map.entry(SMPPConstant.STAT_ESME_RX_T_APPN, "ESME_RX_T_APPN"),
            Map.entry(SMPPConstant.STAT_ESME_RX_P_APPN, "ESME_RX_P_APPN"),
            Map.entry(SMPPConstant.STAT_ESME_RX_R_APPN, "ESME_RX_R_APPN"),
            Map.entry(SMPPConstant.STAT_ESME_RUNKNOWNERR, "ESME_RUNKNOWNERR"),
            Map.entry(SMPPConstant.STAT_ESME_RINVDCS, "ESME_RINVDCS"));

    /** Refusals for good: the message as it is will never be taken. */
    private static final Set<Integer> PERMANENT = Set.of(
            SMPPConstant.STAT_ESME_RINVMSGLEN,
            SMPPConstant.STAT_ESME_RINVPRTFLG,
            SMPPConstant.STAT_ESME_RINVREGDLVFLG,
            SMPPConstant.STAT_ESME_RINVSRCADR,
            SMPPConstant.STAT_ESME_RINVDSTADR,
            SMPPConstant.STAT_ESME_RINVSERTYP,
            SMPPConstant.STAT_ESME_RINVESMCLASS,
            SMPPConstant.STAT_ESME_RINVSRCTON,
            SMPPConstant.STAT_ESME_RINVSRCNPI,
            SMPPConstant.STAT_ESME_RINVDSTTON,
            SMPPConstant.STAT_ESME_RINVDSTNPI,
            SMPPConstant.STAT_ESME_RINVSCHED,
            SMPPConstant.STAT_ESME_RINVEXPIRY,
            SMPPConstant.STAT_ESME_RX_P_APPN,
            SMPPConstant.STAT_ESME_RX_R_APPN,
            SMPPConstant.STAT_ESME_RINVDCS);

    private CommandStatus() {
    }

    /** {@code ESME_RTHROTTLED}, or {@code 0x00000400} for a status without a name here. */
    static String name(int status) {
        String name = NAMES.get(status);
        return name != null ? name : String.format("0x%08X", status);
    }

    static boolean isPermanent(int status) {
        return PERMANENT.contains(status);
    }
}
