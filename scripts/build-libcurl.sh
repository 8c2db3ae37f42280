#!/usr/bin/env bash
# Builds the libcurl the Lambda packages bundle: Debian's own curl source (the version of the installed
# libcurl4-openssl-dev, with Debian's security patches) configured for HTTP and HTTPS only, over OpenSSL and zlib.
# Debian's libcurl also links LDAP, Kerberos, GnuTLS (through RTMP), SSH, nghttp2, libpsl, libidn2, brotli and
# zstd: about 4.5 MB of every zip that the functions never use. The result, .build-deps/libcurl/lib/libcurl.so.4,
# has the same soname and symbol versions (CURL_OPENSSL_4) as Debian's, so the binaries linked against Debian's
# run with it unchanged; `lambda-emulator package` bundles it when it exists.
# Idempotent: quick when this version is already built. Needs the network the first time (apt-get source).
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(dpkg-query -W -f='${Version}' libcurl4-openssl-dev)
root=$PWD/.build-deps/libcurl
stamp=$root/lib/.debian-version
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ] && [ -f "$root/lib/libcurl.so.4" ]; then
  exit 0
fi

echo "build-libcurl: building libcurl $version for the Lambda packages (HTTP and HTTPS only)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The source package, through a private sources list and package index: the system's apt configuration (which
# may have no deb-src entries) is left untouched.
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
mkdir -p "$work/apt/parts" "$work/apt/lists/partial"
cat > "$work/apt/parts/source.sources" <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt_options=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/apt/parts"
  -o "Dir::State::Lists=$work/apt/lists" -o APT::Sandbox::User=root)
apt-get "${apt_options[@]}" -qq update
(cd "$work" && apt-get "${apt_options[@]}" -qq source --download-only "curl=$version")
# apt-get has checked the files against the signed package index; dpkg-source's own check of the .dsc signature
# needs Debian's developer keyring, which is not installed, and only warns.
dpkg-source -x "$work"/curl_*.dsc "$work/src" > "$work/dpkg-source.log" 2>&1

cd "$work/src"
# The series ends with the GnuTLS and NSS flavours' patches, which Debian also takes off before the OpenSSL build.
patch -R -p1 -s < debian/patches/99_nss.patch
patch -R -p1 -s < debian/patches/90_gnutls.patch
./configure --prefix="$work/install" --disable-static --enable-shared --enable-versioned-symbols \
  --enable-symbol-hiding --enable-threaded-resolver --with-openssl --with-zlib \
  --with-ca-bundle=/etc/ssl/certs/ca-certificates.crt --with-ca-path=/etc/ssl/certs \
  --without-brotli --without-zstd --without-libpsl --without-libidn2 --without-nghttp2 --without-ngtcp2 \
  --without-nghttp3 --without-quiche --without-libssh2 --without-libssh --without-wolfssh --without-librtmp \
  --without-gssapi --without-libgsasl --disable-ldap --disable-ldaps --disable-rtsp --disable-dict \
  --disable-telnet --disable-tftp --disable-pop3 --disable-imap --disable-smb --disable-smtp --disable-gopher \
  --disable-mqtt --disable-ftp --disable-file --disable-manual --disable-ntlm --disable-ntlm-wb > "$work/configure.log"
make -s -j"$(nproc)" -C lib > "$work/make.log"
make -s -C lib install > /dev/null

rm -rf "$root"
mkdir -p "$root/lib"
cp -L "$work/install/lib/libcurl.so.4" "$root/lib/libcurl.so.4"
echo "$version" > "$stamp"
echo "build-libcurl: $root/lib/libcurl.so.4"
