package org.hall24.hall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hall24.hall.Hall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hall configuration files are read strictly: a mistake stops start-up naming the file, the hall
 * or device, and the field.
 */
class HallFilesTest {

    static final String SEED = "classpath:halls";

    @TempDir
    Path dir;

    String seedText() throws IOException {
        try (var in = HallFilesTest.class.getResourceAsStream("/halls/jiulongpo-yangjiaping.yaml")) {
            return new String(in.readAllBytes());
        }
    }

    String write(String yaml) throws IOException {
        Files.writeString(dir.resolve("hall.yaml"), yaml);
        return "file:" + dir.toAbsolutePath();
    }

    @Test
    void theSeedHallLoadsWithItsZonesDesksAndDevices() {
        Hall hall = HallFiles.read(SEED).get(0);

        assertThat(hall.zones()).hasSize(4);
        assertThat(hall.fixtures()).hasSize(3);
        assertThat(hall.devices()).hasSize(13);
    }

    @Test
    void severalFoldersSeparatedByCommasAreReadInTheirOrderAndAHallInTwoOfThemIsRefused() throws IOException {
        String other = write(seedText().replace("code: JLP-YJP\n", "code: JLP-XX\n").replace("JLP-YJP-", "JLP-XX-"));

        assertThat(HallFiles.read(SEED + ", " + other)).extracting(Hall::code).containsExactly("JLP-YJP", "JLP-XX");
        assertThatThrownBy(() -> HallFiles.read(SEED + "," + SEED)).isInstanceOf(HallFileException.class)
                .hasMessageContaining("another file defines this hall");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            device outside its zone  | 'zone: self-service, x: 620, y: 90' | 'zone: self-service, x: 20, y: 90'  | device JLP-YJP-POL-01, field x/y: must lie within zone self-service
            device in unknown zone   | 'zone: self-service, x: 620, y: 90' | 'zone: lobby, x: 620, y: 90'        | device JLP-YJP-POL-01, field zone: no zone lobby in this hall
            unknown device type      | 'type: POLICE_KIOSK, name: {zh: 公安自助服务设备 1' | 'type: TOASTER, name: {zh: 公安自助服务设备 1' | field devices[0].type
            cabinet without layout   | ', cabinet: {rows: 6, columns: 4}' | ''                                   | device JLP-YJP-CAB-01, field cabinet: a file cabinet needs its compartments
            duplicate device code    | 'code: JLP-YJP-POL-02,'             | 'code: JLP-YJP-POL-01,'              | device JLP-YJP-POL-01, field code: device code used twice
            unknown field            | 'areaSquareMeters: 206'             | 'areaSquareMeters: 206\\nfloors: 1' | field floors
            misspelt field           | 'address:'                          | 'addresses:'                         | field addresses
            """)
    void aBrokenHallFileIsRefusedNamingWhereAndWhat(String problem, String replace, String with, String expected)
            throws IOException {
        String seed = seedText();
        String broken = seed.replaceFirst(java.util.regex.Pattern.quote(replace.replace("\\n", "\n")),
                java.util.regex.Matcher.quoteReplacement(with.replace("\\n", "\n")));
        assertThat(broken).as("the case must change the file").isNotEqualTo(seed);
        String location = write(broken);

        assertThatThrownBy(() -> HallFiles.read(location))
                .isInstanceOf(HallFileException.class)
                .hasMessageStartingWith("Hall file " + location + "/hall.yaml")
                .hasMessageContaining(expected);
    }

    @Test
    void anEmptyFolderIsRefused() {
        assertThatThrownBy(() -> HallFiles.read("file:" + dir.toAbsolutePath()))
                .hasMessageContaining("no hall configured");
    }
}
