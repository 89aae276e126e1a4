package dev.tradedesk.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChartImageExporterTest {

    @Test
    void anExportNamedWithoutItsExtensionIsWrittenAsPng() {
        // The save dialog returned "/tmp/h33/export2" as typed, and a file without an extension was written.
        assertThat(ChartImageExporter.withPngExtension(Path.of("/tmp/charts/export2")))
                .isEqualTo(Path.of("/tmp/charts/export2.png"));
        assertThat(ChartImageExporter.withPngExtension(Path.of("BRK.B-1Day"))).as("a dot in the name is no extension")
                .isEqualTo(Path.of("BRK.B-1Day.png"));
        assertThat(ChartImageExporter.withPngExtension(Path.of("/tmp/charts/aapl.png")))
                .isEqualTo(Path.of("/tmp/charts/aapl.png"));
        assertThat(ChartImageExporter.withPngExtension(Path.of("/tmp/charts/AAPL.PNG"))).as("in any case")
                .isEqualTo(Path.of("/tmp/charts/AAPL.PNG"));
    }
}
