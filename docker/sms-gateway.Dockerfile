# SMPP bridge: operators' SMSCs → signed webhook of the identity provider.
# Build context: the repository root, after `mvn install -DskipTests`.
#   docker build -f docker/sms-gateway.Dockerfile -t khur-sms-gateway:latest .
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 1001 khur \
 && mkdir -p /var/lib/khur-sms-gateway/held && chown -R khur /var/lib/khur-sms-gateway && chmod 700 /var/lib/khur-sms-gateway/held
COPY --chown=khur sms-gateway/target/quarkus-app/ /opt/khur-sms-gateway/
# SMS the webhook refused with 401/404 wait here for it to accept again: mount a volume so they survive a restart
ENV KHUR_GATEWAY_HOLD_DIRECTORY=/var/lib/khur-sms-gateway/held
VOLUME /var/lib/khur-sms-gateway
USER 1001
EXPOSE 8095
HEALTHCHECK --interval=15s --timeout=3s CMD curl -fs http://localhost:8095/q/health/ready || exit 1
ENTRYPOINT ["java", "-jar", "/opt/khur-sms-gateway/quarkus-run.jar"]
