package org.newsroom.query.projection;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** The MongoDB collections of one version of a projection, named {@code <projection>_v<version>_<name>}. */
public record ProjectionCollections(String projection, int version, MongoDatabase database) {

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(collectionName(name));
    }

    public String collectionName(String name) {
        return projection + "_v" + version + "_" + name;
    }
}
