package org.storygraph.modularityfixture.graph;

import org.storygraph.modularityfixture.feature.StoryView;

/** A class at the bottom that reaches up into a feature, as a careless import would. */
public class Session {

    public StoryView read() {
        return new StoryView();
    }
}
