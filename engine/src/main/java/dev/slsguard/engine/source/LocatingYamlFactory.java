package dev.slsguard.engine.source;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;

/**
 * A YAML factory whose parsers also expose the SnakeYAML event behind the current token: the
 * loader needs a scalar's style (quoted or plain) to type it the way js-yaml does, which the
 * Jackson token alone does not tell.
 */
final class LocatingYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    LocatingYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) {
        return new EventParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    /** A YAML parser that tells which SnakeYAML event produced the current token. */
    static final class EventParser extends YAMLParser {

        EventParser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions loaderOptions,
                    ObjectCodec codec, Reader reader) {
            super(context, parserFeatures, yamlFeatures, loaderOptions, codec, reader);
        }

        /** The event of the current token (a scalar, alias, or collection start/end). */
        Event currentEvent() {
            return _lastEvent;
        }
    }
}
