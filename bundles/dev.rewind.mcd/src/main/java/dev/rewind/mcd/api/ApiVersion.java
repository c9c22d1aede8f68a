package dev.rewind.mcd.api;

/** mcd_api_version_st. */
public record ApiVersion(int major, int minor, String author) {
    public static ApiVersion current() {
        return new ApiVersion(McdConstants.API_VER_MAJOR, McdConstants.API_VER_MINOR, McdConstants.API_VER_AUTHOR);
    }
}
