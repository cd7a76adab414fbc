"""Shares of frames on the request threads (http-nio-*) of a JFR recording, and samples per 1,000
registrations: the organiser API request path (BENCHMARKS.md, "Tenth pass - organiser API").
Usage: reqframes.py recording.jfr registrations"""
import collections, re, subprocess, sys
rec = sys.argv[1]; regs = int(sys.argv[2])
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", rec], capture_output=True, text=True).stdout
keys = [("ApiTokenService.bearer","token read (filter)"),("ApiTokenService.stillValid","token check (batch)"),
 ("RegistrationApiController.create","controller (all below)"),("CopyEnrolment.registerWithCopy","copy path incl. batch wait"),
 ("GroupBatch.run","batch (incl. its SQL)"),("RegistrationRepository.seal","sealing"),
 ("AbstractJacksonHttpMessageConverter.read","JSON read"),("DeserializerCache._createAndCacheValueDeserializer","deserializer made"),
 ("ModelFactory.invokeModelAttributeMethods","@ModelAttribute (UiAdvice)"),("UiFactory.of","Ui made"),
 ("org.postgresql","JDBC driver"),("org.springframework.security","Spring Security"),("org.apache.coyote","Tomcat coyote"),
 ("HandlerMethodReturnValueHandlerComposite.handleReturnValue","answer written"),("Json.write","Json.write")]
c = collections.Counter(); n = 0
for ev in text.split("jdk.ExecutionSample")[1:]:
    m = re.search(r'sampledThread = "([^"]+)"', ev)
    if not m or "http-nio" not in m.group(1): continue
    frames = re.findall(r"^\s+([\w$.<>/]+)\(", ev, re.M); n += 1
    for k, name in keys:
        if any(k in f for f in frames): c[name] += 1
print("request-thread samples %d for %d registrations (%.1f per 1000)" % (n, regs, 1000*n/regs))
for k, name in keys: print("%5.1f%%  %s" % (100*c[name]/n, name))
