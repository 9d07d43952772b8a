package mn.gov.khur.smsgateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import mn.gov.khur.smsgateway.mt.MtHandler;
import mn.gov.khur.smsgateway.mt.MtReply;
import org.jboss.logging.Logger;

/**
 * {@code POST /mt}: the identity provider's signed MT (login notices) → submit_sm. HTTP only; the rules are in
 * {@link MtHandler}. The SMPP round trip blocks, so it runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class MtRoute {

    private static final Logger LOG = Logger.getLogger(MtRoute.class);

    private final GatewayService gateway;

    MtRoute(GatewayService gateway) {
        this.gateway = gateway;
    }

    void register(@Observes Router router) {
        router.post("/mt")
                // one byte over the limit is enough to tell "too large"; Vert.x answers 413 itself beyond it
                .handler(BodyHandler.create(false).setBodyLimit(MtHandler.MAX_BODY_BYTES + 1L))
                .blockingHandler(this::handle, false)
                .failureHandler(MtRoute::failure);
    }

    private void handle(RoutingContext ctx) {
        MtReply reply = gateway.mtHandler()
                .map(handler -> handler.handle(ctx.request().getHeader("Content-Type"),
                        ctx.request().getHeader("X-Khur-Timestamp"), ctx.request().getHeader("X-Khur-Signature"),
                        ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes()))
                .orElse(new MtReply(503, Map.of("error", "not_configured")));
        answer(ctx, reply.status(), reply.body());
    }

    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            answer(ctx, 413, Map.of("error", "payload_too_large"));
            return;
        }
        if (ctx.failure() != null) {
            LOG.errorf("event=mt_failed reason=%s", ctx.failure().getClass().getSimpleName());
        }
        answer(ctx, status >= 400 && status < 500 ? status : 500,
                Map.of("error", status >= 400 && status < 500 ? "invalid_request" : "server_error"));
    }

    private static void answer(RoutingContext ctx, int status, Map<String, String> body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject(Map.copyOf(body)).encode());
    }
}
