package mn.gov.khur.sms.challenge;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/** A SecureRandom whose codes the test chooses; ids stay random. */
final class ScriptedRandom extends SecureRandom {

    private final Deque<Integer> codes = new ArrayDeque<>();

    ScriptedRandom codes(int... next) {
        for (int code : next) {
            codes.add(code);
        }
        return this;
    }

    @Override
    public int nextInt(int bound) {
        Integer scripted = codes.poll();
        return scripted != null ? scripted : super.nextInt(bound);
    }
}
