package mn.gov.khur.esign.flow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Which signature methods the choice page offers, in order. */
public record EsignMethodChoiceConfig(List<EsignMethod> methods) {

    public static final String METHODS = "khur.esign.methods";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(METHODS).type(ProviderConfigProperty.STRING_TYPE)
            .label("Methods / Аргууд")
            .helpText("Comma-separated, in display order: token, sim, cloud. Each needs its own conditional subflow. "
                    + "Харуулах дарааллаар: token, sim, cloud; тус бүрд нөхцөлт дэд урсгал хэрэгтэй.")
            .defaultValue("token").add()
            .build();

    public static EsignMethodChoiceConfig from(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        List<EsignMethod> methods = Arrays.stream(config.getOrDefault(METHODS, "token").split(","))
                .map(String::strip).map(EsignMethod::fromCode).flatMap(java.util.Optional::stream).distinct().toList();
        return new EsignMethodChoiceConfig(methods.isEmpty() ? List.of(EsignMethod.TOKEN) : methods);
    }
}
