package mn.gov.khur.sms.notice;

import java.util.Locale;

/**
 * "Chrome, Windows" from a User-Agent: just enough for a citizen to tell "that was me" from "that was not me".
 * The order of the checks matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux.
 */
public final class BrowserDescription {

    static final String UNKNOWN = "тодорхойгүй хөтөч";

    private BrowserDescription() {
    }

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = browser(ua);
        String os = os(ua);
        if (browser == null && os == null) {
            return UNKNOWN;
        }
        if (browser == null) {
            return os;
        }
        return os == null ? browser : browser + ", " + os;
    }

    private static String browser(String ua) {
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String os(String ua) {
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return "iOS";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("mac os x") || ua.contains("macintosh")) {
            return "macOS";
        }
        if (ua.contains("cros")) {
            return "ChromeOS";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
