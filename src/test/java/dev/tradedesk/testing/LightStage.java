package dev.tradedesk.testing;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The primary stage for a TestFX test that shows its scene during the test rather than in a
 * {@code @Start} method: the light theme set before each test, the stage closed after it. TestFX
 * looks for {@code @Start} in the test class alone, not in a superclass, so a shared one is an
 * extension; register it as a field with {@code @RegisterExtension}, in a class extended with
 * TestFX's {@code ApplicationExtension}, and show scenes with {@link PrimaryStage#show}.
 */
public final class LightStage implements BeforeEachCallback, AfterEachCallback {

    private Stage stage;

    /** The primary stage; valid during a test. */
    public Stage stage() {
        return stage;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()))
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
    }
}
