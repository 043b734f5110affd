/// The version of Tarjuman, as `--version` prints it and exported files record it.
public enum TarjumanVersion {
    public static let current = "0.1.0"
}
