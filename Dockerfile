# Build: compile, test-free package, then extract the jar into the layout that starts fastest.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests \
    && java -Djarmode=tools -jar target/edu-portal.jar extract --destination /app

# Run: a JRE, an unprivileged user, the extracted application.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app portal
WORKDIR /app
COPY --from=build /app /app
USER portal
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Ho_Chi_Minh"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/edu-portal.jar"]
