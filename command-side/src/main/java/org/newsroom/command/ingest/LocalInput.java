package org.newsroom.command.ingest;

import java.io.InputStream;
import java.io.Reader;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.ls.LSInput;

/** A schema served from the classpath to the XML schema factory. */
final class LocalInput implements LSInput {

    private @Nullable String publicId;
    private @Nullable String systemId;
    private @Nullable InputStream stream;

    LocalInput(@Nullable String publicId, String systemId, InputStream stream) {
        this.publicId = publicId;
        this.systemId = systemId;
        this.stream = stream;
    }

    @Override
    public @Nullable Reader getCharacterStream() {
        return null;
    }

    @Override
    public void setCharacterStream(@Nullable Reader characterStream) {}

    @Override
    public @Nullable InputStream getByteStream() {
        return stream;
    }

    @Override
    public void setByteStream(@Nullable InputStream byteStream) {
        this.stream = byteStream;
    }

    @Override
    public @Nullable String getStringData() {
        return null;
    }

    @Override
    public void setStringData(@Nullable String stringData) {}

    @Override
    public @Nullable String getSystemId() {
        return systemId;
    }

    @Override
    public void setSystemId(@Nullable String systemId) {
        this.systemId = systemId;
    }

    @Override
    public @Nullable String getPublicId() {
        return publicId;
    }

    @Override
    public void setPublicId(@Nullable String publicId) {
        this.publicId = publicId;
    }

    @Override
    public @Nullable String getBaseURI() {
        return null;
    }

    @Override
    public void setBaseURI(@Nullable String baseURI) {}

    @Override
    public @Nullable String getEncoding() {
        return null;
    }

    @Override
    public void setEncoding(@Nullable String encoding) {}

    @Override
    public boolean getCertifiedText() {
        return false;
    }

    @Override
    public void setCertifiedText(boolean certifiedText) {}
}
