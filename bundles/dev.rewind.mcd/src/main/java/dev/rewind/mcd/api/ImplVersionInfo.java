package dev.rewind.mcd.api;

/** mcd_impl_version_info_st. */
public record ImplVersionInfo(ApiVersion vApi, int impMajor, int impMinor, int impBuild, String vendor, String date) {
}
